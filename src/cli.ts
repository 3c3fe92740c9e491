import { Command } from 'commander';
import { adminCommands } from './cli/admin-commands.js';
import { digestCommand } from './cli/digest.js';
import { footprintCommand } from './cli/footprint-command.js';

/** The `techcare` command: serve, administration, and the footprint calculator. */
const program = new Command('techcare').description('Techcare platform and footprint tools').version('0.1.0');
program
  .command('serve')
  .description('Start the web server (same as npm start)')
  .action(async () => {
    await import('./main.js');
  });
for (const command of adminCommands()) program.addCommand(command);
program.addCommand(footprintCommand());
program.addCommand(digestCommand());

program.exitOverride((err) => {
  // Usage errors exit 2 (contracts.md); --help and --version exit 0.
  process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2);
});
await program.parseAsync(process.argv);
