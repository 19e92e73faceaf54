"""budget lines entered in the web grid: one row per series, with its revision (optimistic concurrency)

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

import yusuan.store.types

revision = '0006'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ledger_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('style', sa.String(length=20), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('derived_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', yusuan.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_ledger_drafts_body_id_bodies')),
    sa.ForeignKeyConstraint(['derived_id'], ['disclosures.id'], name=op.f('fk_ledger_drafts_derived_id_disclosures'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_ledger_drafts_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_drafts')),
    sa.UniqueConstraint('body_id', 'year', 'kind', 'level', name='uq_ledger_drafts_series')
    )
    with op.batch_alter_table('ledger_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_drafts_body_id'), ['body_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ledger_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_drafts_body_id'))
    op.drop_table('ledger_drafts')
