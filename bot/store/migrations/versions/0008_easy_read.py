"""Easy Read and supporters: consent to act for a member, voice-note cache

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'supporter',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('supporter_id', sa.Integer(), nullable=False),
        sa.Column('consented_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', bot.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['group_id'], ['group.id']),
        sa.ForeignKeyConstraint(['member_id'], ['person.id']),
        sa.ForeignKeyConstraint(['supporter_id'], ['person.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('group_id', 'member_id', 'supporter_id', name='uq_supporter'),
    )
    with op.batch_alter_table('supporter', schema=None) as batch_op:
        for column in ('group_id', 'member_id', 'supporter_id'):
            batch_op.create_index(batch_op.f(f'ix_supporter_{column}'), [column], unique=False)
    op.create_table(
        'spokentext',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('file_id', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column('created_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('person_id', 'digest', name='uq_spokentext_person_digest'),
    )
    with op.batch_alter_table('spokentext', schema=None) as batch_op:
        for column in ('person_id', 'digest', 'created_at'):
            batch_op.create_index(batch_op.f(f'ix_spokentext_{column}'), [column], unique=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('listen', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('listen')
    with op.batch_alter_table('spokentext', schema=None) as batch_op:
        for column in ('person_id', 'digest', 'created_at'):
            batch_op.drop_index(batch_op.f(f'ix_spokentext_{column}'))
    op.drop_table('spokentext')
    with op.batch_alter_table('supporter', schema=None) as batch_op:
        for column in ('group_id', 'member_id', 'supporter_id'):
            batch_op.drop_index(batch_op.f(f'ix_supporter_{column}'))
    op.drop_table('supporter')
