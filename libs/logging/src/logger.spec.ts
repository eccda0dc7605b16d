import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from './logger';
import { currentRequestScope, nameOperation, requestLogger, requestScope } from './request-scope';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('test', 'info', stream as never) };
}

describe('logs without personal data', () => {
  it('drops the SQL parameters and the row detail of a database error, keeping what an operator needs', () => {
    const { lines, logger } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "member_id_number_hash_key"'), {
      code: '23505',
      detail: 'Key (id_number_hash)=(3f1a…) already exists.',
      parameters: ['张三', '110105194912310021', '13812345678'],
    });
    const error = new QueryFailedError(
      'INSERT INTO member (name, id_number, phone) VALUES ($1, $2, $3)',
      ['张三', '110105194912310021', '13812345678'],
      driverError,
    );
    logger.error({ err: error, code: 'INTERNAL_SERVER_ERROR' }, 'unexpected error');
    const line = JSON.parse(lines[0]);
    expect(line.err.message).toMatch(/duplicate key/);
    expect(line.err.type).toBe('QueryFailedError');
    expect(lines[0]).not.toMatch(/张三|110105194912310021|13812345678|3f1a/);
  });

  it('masks ID numbers and phones a careless call would log, and never logs variables', () => {
    const { lines, logger } = capture();
    logger.info({ input: { idNumber: '110105194912310021', phone: '13812345678' }, variables: { name: '李四' } }, 'oops');
    expect(lines[0]).not.toMatch(/110105194912310021|13812345678|李四/);
  });
});

describe('request scope', () => {
  it('gives each request a child logger carrying its id (taken from x-request-id or made) and its operation', async () => {
    const { lines, logger } = capture();
    const headers: Record<string, string> = {};
    const seen: Array<string | undefined> = [];
    await new Promise<void>((resolve) =>
      requestScope(logger)(
        { header: (name) => ({ 'x-request-id': 'abc-123', 'accept-language': 'en' })[name] },
        { setHeader: (name, value) => (headers[name] = value) },
        () => {
          setTimeout(() => {
            seen.push(currentRequestScope()?.acceptLanguage);
            nameOperation('OrganizationPage');
            requestLogger(logger).info('inside');
            resolve();
          }, 1);
        },
      ),
    );
    expect(headers['x-request-id']).toBe('abc-123');
    expect(seen).toEqual(['en']);
    expect(JSON.parse(lines[0])).toMatchObject({ requestId: 'abc-123', operation: 'OrganizationPage', msg: 'inside' });
    requestScope(logger)({ header: () => '<script>' }, { setHeader: (_n, v) => (headers.made = v) }, () => undefined);
    expect(headers.made).toMatch(/^[0-9a-f-]{36}$/);
  });
});
