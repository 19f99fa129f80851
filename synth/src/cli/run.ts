import { type CliIo, UsageError } from './cli-io.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { RENDER_ALL_USAGE, renderAllCommand } from './render-all-command.js';
import { RENDER_USAGE, renderCommand } from './render-command.js';
import { VALIDATE_USAGE, validateCommand } from './validate-command.js';

const USAGE = `usage:
  ${RENDER_USAGE}
  ${VALIDATE_USAGE}
  ${RENDER_ALL_USAGE}

exit status: 0 ok, 1 invalid objects, 2 invalid tenant spec, 64 usage error
`;

/** Runs one luster-synth command line and returns its exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'render':
        return renderCommand(args, io);
      case 'validate':
        return validateCommand(args, io);
      case 'render-all':
        return await renderAllCommand(args, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT_OK;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (error) {
    // parseArgs reports unknown or malformed flags with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const parseError = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      io.err(`luster-synth: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
