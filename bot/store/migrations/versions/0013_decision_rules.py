"""Decisions people can trust: each group's majority as a named rule (not a float), its tie rule, and the
organisation's notice for rooms, transport and money

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('grouprule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('majority', sa.String(length=16), nullable=False, server_default='simple'))
        batch_op.add_column(sa.Column('tie_break', sa.String(length=16), nullable=False,
                                      server_default='not_passed'))
        batch_op.add_column(sa.Column('earlier_date_wins', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE grouprule SET majority = 'two_thirds' WHERE threshold > 0.5")
    with op.batch_alter_table('grouprule', schema=None) as batch_op:
        batch_op.drop_column('threshold')
    # A tie waiting for its proposer to choose: the proposer no longer decides alone, and a tie does not pass.
    op.execute("UPDATE proposal SET state = 'not_passed' WHERE state = 'tie'")
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_days', sa.Integer(), nullable=False, server_default='3'))


def downgrade() -> None:
    # Groups point at their organisation, so SQLite must drop the column in place rather than copy the table.
    with op.batch_alter_table('organisation', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('notice_days')
    with op.batch_alter_table('grouprule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('threshold', sa.Float(), nullable=False, server_default='0.5'))
    # Unanimity had no float; two thirds is the nearest rule the old code knew.
    op.execute("UPDATE grouprule SET threshold = 2.0 / 3 WHERE majority <> 'simple'")
    with op.batch_alter_table('grouprule', schema=None) as batch_op:
        batch_op.drop_column('earlier_date_wins')
        batch_op.drop_column('tie_break')
        batch_op.drop_column('majority')
