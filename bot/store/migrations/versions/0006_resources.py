"""Resources (rooms, vehicles, budgets) and requests for them

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _utc() -> bot.store.types.UTCDateTime:
    return bot.store.types.UTCDateTime(timezone=True)


def _indexes(table: str, columns: tuple[str, ...]) -> None:
    for column in columns:
        op.create_index(op.f(f'ix_{table}_{column}'), table, [column], unique=False)


REQUEST_INDEXES = ('group_id', 'meetup_id', 'organisation_id', 'requester_id', 'resource_id', 'starts_at', 'state')


def upgrade() -> None:
    op.create_table(
        'accessprofile',
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('needs', sa.JSON(), nullable=False),
        sa.Column('updated_at', _utc(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id']),
        sa.PrimaryKeyConstraint('person_id'),
    )
    op.create_table(
        'resource',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('kind', _text(8), nullable=False),
        sa.Column('name', _text(100), nullable=False),
        sa.Column('address', _text(200), nullable=False),
        sa.Column('notes', _text(500), nullable=False),
        sa.Column('capacity', sa.Integer(), nullable=True),
        sa.Column('seats', sa.Integer(), nullable=True),
        sa.Column('wheelchair_spaces', sa.Integer(), nullable=False),
        sa.Column('driver_needed', sa.Boolean(), nullable=False),
        sa.Column('step_free', sa.Boolean(), nullable=False),
        sa.Column('hearing_loop', sa.Boolean(), nullable=False),
        sa.Column('accessible_toilet', sa.Boolean(), nullable=False),
        sa.Column('quiet_space', sa.Boolean(), nullable=False),
        sa.Column('opening_hours', _text(300), nullable=False),
        sa.Column('buffer_minutes', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('lock_version', sa.Integer(), nullable=False),
        sa.Column('created_at', _utc(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('organisation_id', 'kind', 'name', name='uq_resource_name'),
    )
    _indexes('resource', ('active', 'organisation_id'))
    op.create_table(
        'budget',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('lock_version', sa.Integer(), nullable=False),
        sa.Column('created_at', _utc(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['group.id']),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('group_id', 'starts_on', name='uq_budget_group_period'),
    )
    _indexes('budget', ('group_id', 'organisation_id'))
    op.create_table(
        'resourcerequest',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('requester_id', sa.Integer(), nullable=False),
        sa.Column('meetup_id', sa.Integer(), nullable=True),
        sa.Column('kind', _text(8), nullable=False),
        sa.Column('resource_id', sa.Integer(), nullable=True),
        sa.Column('starts_at', _utc(), nullable=True),
        sa.Column('ends_at', _utc(), nullable=True),
        sa.Column('people', sa.Integer(), nullable=False),
        sa.Column('seats', sa.Integer(), nullable=False),
        sa.Column('wheelchair_spaces', sa.Integer(), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('access', sa.JSON(), nullable=False),
        sa.Column('pickups', _text(300), nullable=False),
        sa.Column('note', _text(300), nullable=False),
        sa.Column('state', _text(12), nullable=False),
        sa.Column('offer_resource_id', sa.Integer(), nullable=True),
        sa.Column('offer_starts_at', _utc(), nullable=True),
        sa.Column('offer_ends_at', _utc(), nullable=True),
        sa.Column('question', _text(300), nullable=False),
        sa.Column('answer', _text(300), nullable=False),
        sa.Column('reason_code', _text(12), nullable=False),
        sa.Column('reason', _text(300), nullable=False),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', _utc(), nullable=True),
        sa.Column('cards_sent', sa.Boolean(), nullable=False),
        sa.Column('created_at', _utc(), nullable=False),
        sa.ForeignKeyConstraint(['decided_by_id'], ['person.id']),
        sa.ForeignKeyConstraint(['group_id'], ['group.id']),
        sa.ForeignKeyConstraint(['meetup_id'], ['meetup.id']),
        sa.ForeignKeyConstraint(['offer_resource_id'], ['resource.id']),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.ForeignKeyConstraint(['requester_id'], ['person.id']),
        sa.ForeignKeyConstraint(['resource_id'], ['resource.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    _indexes('resourcerequest', REQUEST_INDEXES)
    op.create_table(
        'requestcard',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['request_id'], ['resourcerequest.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('request_id', 'chat_id', name='uq_requestcard_chat'),
    )
    _indexes('requestcard', ('request_id',))


def downgrade() -> None:
    op.drop_index(op.f('ix_requestcard_request_id'), table_name='requestcard')
    op.drop_table('requestcard')
    for column in reversed(REQUEST_INDEXES):
        op.drop_index(op.f(f'ix_resourcerequest_{column}'), table_name='resourcerequest')
    op.drop_table('resourcerequest')
    for column in ('organisation_id', 'group_id'):
        op.drop_index(op.f(f'ix_budget_{column}'), table_name='budget')
    op.drop_table('budget')
    for column in ('organisation_id', 'active'):
        op.drop_index(op.f(f'ix_resource_{column}'), table_name='resource')
    op.drop_table('resource')
    op.drop_table('accessprofile')
