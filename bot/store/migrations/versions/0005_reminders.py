"""Reminders: planned messages with a unique key and a delivery state; quiet hours; per-group switches

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reminder',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('group_id', sa.Integer(), nullable=True),
        sa.Column('subject_id', sa.Integer(), nullable=True),
        sa.Column('due_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('send_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('useful_until', bot.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column('sent_at', bot.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['group_id'], ['group.id']),
        sa.ForeignKeyConstraint(['person_id'], ['person.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        for column in ('kind', 'person_id', 'group_id', 'subject_id', 'send_at', 'state'):
            batch_op.create_index(batch_op.f(f'ix_reminder_{column}'), [column], unique=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quiet_start', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False,
                                      server_default='21:00'))
        batch_op.add_column(sa.Column('quiet_end', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False,
                                      server_default='08:00'))
    with op.batch_alter_table('group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminders_off', sa.JSON(), nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('group', schema=None) as batch_op:
        batch_op.drop_column('reminders_off')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('quiet_end')
        batch_op.drop_column('quiet_start')
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        for column in ('state', 'send_at', 'subject_id', 'group_id', 'person_id', 'kind'):
            batch_op.drop_index(batch_op.f(f'ix_reminder_{column}'))
    op.drop_table('reminder')
