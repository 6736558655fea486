// `reader-edition` as a process: the command (command.ts) with the process's arguments and
// output, its result the exit code.
import { main } from './command.ts';

process.exitCode = await main(process.argv.slice(2));
