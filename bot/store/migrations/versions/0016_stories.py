""""What mattered" stories after meet-ups, and each person's choice to be asked

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.store.types

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'story',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('meetup_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('tags', sa.JSON(), nullable=False),
        sa.Column('words', sa.String(length=300), nullable=False),
        sa.Column('consent', sa.String(length=12), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('asked_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('answered_at', bot.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['group_id'], ['group.id']),
        sa.ForeignKeyConstraint(['meetup_id'], ['meetup.id']),
        sa.ForeignKeyConstraint(['person_id'], ['person.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('meetup_id', 'person_id', name='uq_story_meetup_person'),
    )
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_answered_at'), ['answered_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_meetup_id'), ['meetup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_person_id'), ['person_id'], unique=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ask_stories', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('ask_stories')
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_person_id'))
        batch_op.drop_index(batch_op.f('ix_story_meetup_id'))
        batch_op.drop_index(batch_op.f('ix_story_group_id'))
        batch_op.drop_index(batch_op.f('ix_story_answered_at'))
    op.drop_table('story')
