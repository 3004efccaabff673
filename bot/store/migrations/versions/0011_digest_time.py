"""The weekly list of meet-ups: each group's day and hour (Monday 09:00 unless its coordinators change it)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest_weekday', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('digest_hour', sa.Integer(), nullable=False, server_default='9'))


def downgrade() -> None:
    with op.batch_alter_table('group', schema=None) as batch_op:
        batch_op.drop_column('digest_hour')
        batch_op.drop_column('digest_weekday')
