"""Meet-ups: RSVPs, lifts, recurring series, attendance and calendar feeds

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Columns that existing meet-ups need a value for; the defaults are dropped again once they are filled.
FILLED = ('notes', 'transport', 'version', 'attendance_asked')


def upgrade() -> None:
    op.create_table('meetupseries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('organiser_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('every', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('first_start', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('going_by_default', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.ForeignKeyConstraint(['organiser_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meetupseries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetupseries_active'), ['active'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetupseries_group_id'), ['group_id'], unique=False)

    op.create_table('meetupsettings',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('show_names', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.PrimaryKeyConstraint('group_id')
    )
    op.create_table('calendartoken',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('lookup', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('person_id'),
    sa.UniqueConstraint('lookup')
    )

    with op.batch_alter_table('meetup', schema=None) as batch_op:
        batch_op.add_column(sa.Column('series_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('organiser_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('slot', bot.store.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('ends_at', bot.store.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('transport', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('capacity', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default=sa.text('0')))
        batch_op.add_column(sa.Column('post_message_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('attendance_asked', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('updated_at', bot.store.types.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table('meetup', schema=None) as batch_op:
        for name in FILLED:
            batch_op.alter_column(name, server_default=None)
        batch_op.create_index(batch_op.f('ix_meetup_series_id'), ['series_id'], unique=False)
        batch_op.create_unique_constraint('uq_meetup_series_slot', ['series_id', 'slot'])
        batch_op.create_foreign_key('fk_meetup_organiser_id_person', 'person', ['organiser_id'], ['id'])
        batch_op.create_foreign_key('fk_meetup_series_id_meetupseries', 'meetupseries', ['series_id'], ['id'])

    op.create_table('rsvp',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meetup_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('needs_lift', sa.Boolean(), nullable=False),
    sa.Column('pickup', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('by_default', sa.Boolean(), nullable=False),
    sa.Column('answered_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meetup_id'], ['meetup.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meetup_id', 'person_id', name='uq_rsvp_once')
    )
    with op.batch_alter_table('rsvp', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rsvp_meetup_id'), ['meetup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rsvp_person_id'), ['person_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meetup_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=True),
    sa.Column('marked_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marked_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['meetup_id'], ['meetup.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meetup_id', 'person_id', name='uq_attendance_once')
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_meetup_id'), ['meetup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_person_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_meetup_id'))
    op.drop_table('attendance')
    with op.batch_alter_table('rsvp', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rsvp_person_id'))
        batch_op.drop_index(batch_op.f('ix_rsvp_meetup_id'))
    op.drop_table('rsvp')

    with op.batch_alter_table('meetup', schema=None) as batch_op:
        batch_op.drop_constraint('fk_meetup_series_id_meetupseries', type_='foreignkey')
        batch_op.drop_constraint('fk_meetup_organiser_id_person', type_='foreignkey')
        batch_op.drop_constraint('uq_meetup_series_slot', type_='unique')
        batch_op.drop_index(batch_op.f('ix_meetup_series_id'))
        for name in ('updated_at', 'attendance_asked', 'post_message_id', 'version', 'capacity', 'transport',
                     'notes', 'ends_at', 'slot', 'organiser_id', 'series_id'):
            batch_op.drop_column(name)

    op.drop_table('calendartoken')
    op.drop_table('meetupsettings')
    with op.batch_alter_table('meetupseries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetupseries_group_id'))
        batch_op.drop_index(batch_op.f('ix_meetupseries_active'))
    op.drop_table('meetupseries')
