import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 党费 — one month paid; a payment covering several months is several rows with one payment id. */
@Entity('dues_payment')
export class DuesPaymentRecord {
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId: string;

  /** `YYYY-MM` */
  @PrimaryColumn('text')
  month: string;

  @Column('int', { name: 'amount_fen' })
  amountFen: number;

  @Column('date', { name: 'paid_on' })
  paidOn: string;

  @Column('uuid', { name: 'payment_id' })
  paymentId: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;
}
