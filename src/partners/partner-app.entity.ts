import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('partner_apps')
export class PartnerAppEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  scopes: string[];

  @Column('text')
  keyPrefix: string;

  /** SHA-256 of the key's secret; the key itself is never stored. */
  @Column('bytea', { select: false })
  keyHash: Buffer;

  @Column('timestamptz')
  createdAt: Date;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;
}

@Entity('partner_app_usage')
export class PartnerAppUsageEntity {
  @PrimaryColumn('uuid')
  appId: string;

  /** The UTC calendar day, as PostgreSQL's date text (YYYY-MM-DD). */
  @PrimaryColumn('date')
  day: string;

  @Column('bigint')
  requests: string;

  @Column('bigint')
  errors: string;

  @Column('bigint')
  cost: string;
}
