"""performance records: targets, monitoring rounds and self-evaluations, versioned

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

import yusuan.store.types

revision = '0005'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('perf_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('project', sa.String(length=200), nullable=False),
    sa.Column('round', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('is_latest', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('targets_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('score', yusuan.store.types.DecimalText(length=60), nullable=True),
    sa.Column('grade', sa.String(length=10), nullable=False),
    sa.Column('reds', sa.Integer(), nullable=False),
    sa.Column('execution', yusuan.store.types.DecimalText(length=60), nullable=True),
    sa.Column('time_progress', yusuan.store.types.DecimalText(length=60), nullable=True),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('warnings', sa.Integer(), nullable=False),
    sa.Column('created_at', yusuan.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', yusuan.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reviewed_at', yusuan.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_perf_records_body_id_bodies')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_perf_records_created_by_id_users')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosures.id'], name=op.f('fk_perf_records_disclosure_id_disclosures')),
    sa.ForeignKeyConstraint(['previous_id'], ['perf_records.id'], name=op.f('fk_perf_records_previous_id_perf_records')),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_perf_records_reviewed_by_id_users')),
    sa.ForeignKeyConstraint(['targets_id'], ['perf_records.id'], name=op.f('fk_perf_records_targets_id_perf_records')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_perf_records')),
    sa.UniqueConstraint('kind', 'body_id', 'year', 'project', 'round', 'version', name='uq_perf_records_series_version')
    )
    with op.batch_alter_table('perf_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_perf_records_body_id'), ['body_id'], unique=False)
        batch_op.create_index('ix_perf_records_series', ['kind', 'body_id', 'year', 'project', 'round'], unique=False)
        batch_op.create_index(batch_op.f('ix_perf_records_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_perf_records_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('perf_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_perf_records_year'))
        batch_op.drop_index(batch_op.f('ix_perf_records_status'))
        batch_op.drop_index('ix_perf_records_series')
        batch_op.drop_index(batch_op.f('ix_perf_records_body_id'))

    op.drop_table('perf_records')
