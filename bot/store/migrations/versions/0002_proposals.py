"""Proposals, their date options, votes, group decision rules and meet-ups

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('grouprule',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('quorum_min_voters', sa.Integer(), nullable=False),
    sa.Column('quorum_share', sa.Float(), nullable=True),
    sa.Column('threshold', sa.Float(), nullable=False),
    sa.Column('vote_days', sa.Integer(), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.PrimaryKeyConstraint('group_id')
    )
    op.create_table('proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('proposer_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('needs', sa.JSON(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('opened_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closes_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('nudged', sa.Boolean(), nullable=False),
    sa.Column('winner', sa.Integer(), nullable=True),
    sa.Column('post_message_id', sa.Integer(), nullable=True),
    sa.Column('closed_reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.ForeignKeyConstraint(['proposer_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_closes_at'), ['closes_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_proposer_id'), ['proposer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_state'), ['state'], unique=False)

    op.create_table('meetup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('starts_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('needs', sa.JSON(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meetup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetup_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetup_starts_at'), ['starts_at'], unique=False)

    op.create_table('proposaloption',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('index', sa.Integer(), nullable=False),
    sa.Column('starts_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('proposal_id', 'index', name='uq_option_proposal_index')
    )
    with op.batch_alter_table('proposaloption', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposaloption_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('option_index', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('choice', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('cast_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('proposal_id', 'option_index', 'person_id', name='uq_vote_once')
    )
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_proposal_id'), ['proposal_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_proposal_id'))
        batch_op.drop_index(batch_op.f('ix_vote_person_id'))

    op.drop_table('vote')
    with op.batch_alter_table('proposaloption', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposaloption_proposal_id'))

    op.drop_table('proposaloption')
    with op.batch_alter_table('meetup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetup_starts_at'))
        batch_op.drop_index(batch_op.f('ix_meetup_group_id'))

    op.drop_table('meetup')
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_state'))
        batch_op.drop_index(batch_op.f('ix_proposal_proposer_id'))
        batch_op.drop_index(batch_op.f('ix_proposal_group_id'))
        batch_op.drop_index(batch_op.f('ix_proposal_closes_at'))

    op.drop_table('proposal')
    op.drop_table('grouprule')
