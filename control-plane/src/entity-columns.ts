import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

// The column shapes the entities repeat, named once. Every moment is a `timestamptz` (an instant,
// never a wall-clock time), so no entity stores one without its zone by mistake.

/** Set by PostgreSQL when the row is inserted. */
export const CreatedAtColumn = (): PropertyDecorator => CreateDateColumn({ type: 'timestamptz' });

/** Set by TypeORM on every save. */
export const UpdatedAtColumn = (): PropertyDecorator => UpdateDateColumn({ type: 'timestamptz' });

/** A moment every row has: an expiry, when something happened. */
export const TimestampColumn = (): PropertyDecorator => Column({ type: 'timestamptz' });

/** A moment that may not have come: used, revoked, checked, a lease held until. */
export const NullableTimestampColumn = (): PropertyDecorator =>
  Column({ type: 'timestamptz', nullable: true });
