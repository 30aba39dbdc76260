import '../../reflect-metadata.ts';
import { Field, ID, InputType } from 'type-graphql';
import {
  BatchPurposeEnum,
  BatchStatusEnum,
  PaymentEntryEnum,
  PaymentStatusEnum,
} from './disbursement.type.ts';

@InputType('DisbursementBatchInput', { description: '生成发放批次 / Make a disbursement batch' })
export class DisbursementBatchInput {
  @Field(() => ID)
  programId!: string;

  @Field(() => String, {
    description: '发放期间：年（2026）或年月（2026-03），依项目而定 / A year or a month, as the program pays',
  })
  period!: string;

  @Field(() => String, { description: '区划（县、乡镇或村）代码 / County, township or village code' })
  regionCode!: string;
}

@InputType('DisbursementBatchFilter')
export class DisbursementBatchFilterInput {
  @Field(() => ID, { nullable: true })
  programId?: string | null;

  @Field(() => String, { nullable: true })
  period?: string | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => BatchStatusEnum, { nullable: true })
  status?: BatchStatusEnum | null;

  @Field(() => BatchPurposeEnum, { nullable: true })
  purpose?: BatchPurposeEnum | null;
}

@InputType('PaymentFilter')
export class PaymentFilterInput {
  @Field(() => PaymentStatusEnum, { nullable: true })
  status?: PaymentStatusEnum | null;

  @Field(() => PaymentEntryEnum, { nullable: true })
  entry?: PaymentEntryEnum | null;
}
