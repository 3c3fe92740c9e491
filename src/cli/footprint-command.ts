import { Command } from 'commander';

/**
 * The `footprint` subcommand of `src/cli.ts`. Its options are parsed by `runFootprint`; the calculator (engine,
 * factor sets, file readers) is imported only when the command runs, so the other commands do not pay for it.
 */
export function footprintCommand(): Command {
  return new Command('footprint')
    .description('compute the environmental footprint of an inventory file (CSV or XLSX); see --help')
    .argument('[args...]')
    .allowUnknownOption(true)
    .helpOption(false)
    .action(async (args: string[], _o: unknown, self: Command) => {
      const { runFootprint } = await import('./footprint.js');
      process.exitCode = await runFootprint(self.args.length ? self.args : args, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
    });
}
