import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ForumVisibilityValue = 'OPEN' | 'PRIVATE';

@Entity('forums')
export class ForumEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  visibility: ForumVisibilityValue;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz')
  createdAt: Date;
}
