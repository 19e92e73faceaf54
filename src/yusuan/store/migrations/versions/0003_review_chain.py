"""the review chain and the level in a disclosure's series: a body's 部门预算 and 单位预算 of one year are
two series (the unique version and the series index take the level); when a disclosure came to its
status (days waiting); comments on a table or row, and a version's return reason; warnings
acknowledged with a reason

Revision ID: 0003
Revises: 0005 (written beside 0005 from 0002; placed after it at the merge, so a database already at 0005
takes it too)
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

import yusuan.store.types

revision = '0003'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.drop_constraint('uq_disclosures_series_version', type_='unique')
        batch_op.drop_index('ix_disclosures_series')
        batch_op.add_column(sa.Column('status_at', yusuan.store.types.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_disclosures_series_version', ['body_id', 'year', 'kind', 'level', 'version'])
        batch_op.create_index('ix_disclosures_series', ['body_id', 'year', 'kind', 'level'], unique=False)
    op.execute("UPDATE disclosures SET status_at = COALESCE(published_at, submitted_at, created_at)")

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='comment', nullable=False))
        batch_op.add_column(sa.Column('table_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('row_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_comments_table_id_tables'), 'tables', ['table_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_comments_row_id_rows'), 'rows', ['row_id'], ['id'],
                                    ondelete='SET NULL')

    op.create_table('acknowledgements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', yusuan.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosures.id'],
                            name=op.f('fk_acknowledgements_disclosure_id_disclosures'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_acknowledgements_finding_id_findings'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_acknowledgements_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acknowledgements')),
    sa.UniqueConstraint('finding_id', name=op.f('uq_acknowledgements_finding_id'))
    )
    with op.batch_alter_table('acknowledgements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acknowledgements_disclosure_id'), ['disclosure_id'], unique=False)


def downgrade() -> None:
    """Back to one series per (body, year, kind): refused while a body has both levels of one year."""
    with op.batch_alter_table('acknowledgements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acknowledgements_disclosure_id'))
    op.drop_table('acknowledgements')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_comments_row_id_rows'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_comments_table_id_tables'), type_='foreignkey')
        batch_op.drop_column('row_id')
        batch_op.drop_column('table_id')
        batch_op.drop_column('kind')

    # the statuses the old chain did not know fall back to its nearest one
    op.execute("UPDATE disclosures SET status = 'draft' WHERE status = 'returned'")
    op.execute("UPDATE disclosures SET status = 'submitted' WHERE status IN ('approved', 'approved_finance')")
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.drop_index('ix_disclosures_series')
        batch_op.drop_constraint('uq_disclosures_series_version', type_='unique')
        batch_op.drop_column('status_at')
    with op.batch_alter_table('disclosures', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_disclosures_series_version', ['body_id', 'year', 'kind', 'version'])
        batch_op.create_index('ix_disclosures_series', ['body_id', 'year', 'kind'], unique=False)
