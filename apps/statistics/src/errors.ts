import { DomainError } from '@partybuild/errors';
export { InvalidInputError, OutOfScopeError } from '@partybuild/errors';

/** The statistics service's refusals and their stable codes (`extensions.code`). */
export const StatisticsErrorCode = {
  NOT_FOUND: 'ORGANIZATION_NOT_FOUND',
} as const;

export class UnknownOrganizationError extends DomainError {
  constructor(id: string) {
    super(
      StatisticsErrorCode.NOT_FOUND,
      `No organisation ${id} is known to the statistics (it does not exist, or was created moments ago).`,
      {
        reference: id,
      },
    );
  }
}
