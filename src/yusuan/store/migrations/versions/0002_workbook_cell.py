"""the workbook cell of every located thing (Source.cell: "D7" on sheet `page`)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

LOCATED = ('tables', 'rows', 'cells', 'sections', 'paragraphs', 'finding_locations')


def upgrade() -> None:
    for table in LOCATED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('cell', sa.String(length=20), server_default='', nullable=False))


def downgrade() -> None:
    for table in LOCATED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('cell')
