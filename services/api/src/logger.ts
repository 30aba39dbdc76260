import { isLuhnValid } from '@sunshine/identifiers/luhn';
import pino, { type Logger } from 'pino';

/**
 * Resident ID numbers (18 chars), mainland mobile numbers and bank card numbers (16–19 digits with a
 * valid Luhn check digit, as payment accounts are) never reach a log line unmasked.
 */
const RESIDENT_ID = /(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])/g;
const MOBILE = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;
const BANK_CARD = /(?<![0-9])[0-9]{16,19}(?![0-9])/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(RESIDENT_ID, '$1********$2')
    .replace(BANK_CARD, (digits) =>
      isLuhnValid(digits)
        ? `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`
        : digits,
    )
    .replace(MOBILE, '$1****$2');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'sunshine-api' },
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.residentId',
          '*.phone',
          '*.accountNumber',
          'variables',
        ],
        censor: '[redacted]',
      },
      hooks: {
        // Last line of defence: whatever a message says, identifiers in it are masked.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
      serializers: {
        err: (error: Error) => ({
          type: error.name,
          message: maskPersonalData(error.message),
          stack: error.stack ? maskPersonalData(error.stack) : undefined,
        }),
      },
    },
    destination,
  );
}
