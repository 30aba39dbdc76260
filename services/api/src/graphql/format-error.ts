import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error.ts';
import { currentRequestId } from '../http/request-id.ts';

/**
 * The GraphQL edge: domain errors become bilingual messages naming the field; anything else is
 * logged with its request id and answered with that id only, never with SQL, constraint names,
 * stack traces or the submitted values.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = currentRequestId();
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: `${original.messageZh} / ${original.messageEn}`,
        path: formatted.path,
        extensions: {
          code: original.code,
          messageZh: original.messageZh,
          messageEn: original.messageEn,
          ...(original.field ? { field: original.field } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    // Variable values that do not fit their types: graphql-js quotes the value, so answer without it.
    if (code === 'BAD_USER_INPUT' && original instanceof GraphQLError && describesTheQuery(original)) {
      const variable = /^Variable "\$(\w+)"/.exec(original.message)?.[1];
      return {
        message: '变量值与其类型不符 / A variable has a value its type does not allow',
        extensions: { code, ...(variable ? { field: `$${variable}` } : {}) },
      };
    }
    // Parse and validation errors describe the query the client sent; they carry no data of ours.
    if (
      original instanceof GraphQLError &&
      describesTheQuery(original) &&
      typeof code === 'string' &&
      code !== 'INTERNAL_SERVER_ERROR'
    ) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code },
      };
    }
    logger.error({ err: original, requestId }, 'internal error');
    return {
      message: `服务器内部错误，请联系管理员并提供请求编号 ${requestId ?? ''} / Internal error; quote request id ${requestId ?? ''}`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

/**
 * True for errors graphql-js, Apollo or a validation rule raised about the request itself. Apollo
 * wraps parse and validation errors with the graphql-js error as `originalError`; anything wrapping
 * an exception of ours (a thrown Error, a database error) is internal.
 */
function describesTheQuery(error: GraphQLError): boolean {
  const inner = error.originalError;
  return inner == null || (inner instanceof GraphQLError && inner.originalError == null);
}
