import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { createServices } from './services.ts';
import { createPerson } from './session/people.ts';
import { catalogFileSchema, importCatalog } from './catalog/catalog.import.ts';
import { resetSecondFactor } from './security/second-factor.ts';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './backup/backup.cli.ts';

const USAGE = `Usage: npm run portico -- <command> [options]

Commands:
  create-staff --email <email> --name <name> --role <agent|admin> [--password <password>]
      Creates a staff user who signs in at /staff. Without --password one is generated and printed.
  reset-security-codes --email <email>
      Turns off someone's security codes (a lost phone and lost backup codes) and ends their
      sessions. Staff set them up again at their next sign-in.
  import-catalog <file.json>
      Creates or updates categories and products (matched by SKU) from a catalog file; see the
      README for its format.
  migrate
      Brings the database up to date and exits.
${BACKUP_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  // Before loadConfig: a backup needs only where the data is, never the server's secrets.
  if (command === 'backup') return backupCommand(rest, console.log);
  if (command === 'restore') return restoreCommand(rest, console.log);
  const config = loadConfig();
  if (command === 'migrate') {
    const services = await createServices(config);
    await services.close();
    console.log('The database is up to date.');
    return 0;
  }
  if (command === 'create-staff') {
    const { values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'agent' },
        password: { type: 'string' },
      },
    });
    const role = values.role;
    if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) {
      console.error('create-staff needs --email with an email address.');
      return 2;
    }
    if (role !== 'agent' && role !== 'admin') {
      console.error('--role must be agent or admin.');
      return 2;
    }
    const password = values.password ?? crypto.randomUUID();
    const services = await createServices(config);
    try {
      await createPerson(services.auth, {
        email: values.email,
        name: values.name ?? values.email.split('@')[0]!,
        password,
        role,
      });
    } finally {
      await services.close();
    }
    console.log(
      `Created ${role} ${values.email}${values.password ? '' : ` with password ${password}`}.`,
    );
    return 0;
  }
  if (command === 'reset-security-codes') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' } } });
    if (!values.email) {
      console.error('reset-security-codes needs --email with the person’s email address.');
      return 2;
    }
    const services = await createServices(config);
    try {
      if (!(await resetSecondFactor(services.db, values.email))) {
        console.error(`Nobody has the email ${values.email}.`);
        return 1;
      }
    } finally {
      await services.close();
    }
    console.log(`Security codes of ${values.email} are off; their sessions have ended.`);
    return 0;
  }
  if (command === 'import-catalog') {
    const [file] = rest;
    if (!file) {
      console.error('import-catalog needs the path of a catalog JSON file.');
      return 2;
    }
    const parsed = catalogFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      console.error(`${file} is not a valid catalog:`);
      for (const issue of parsed.error.issues) {
        console.error(`  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      }
      return 1;
    }
    const services = await createServices(config);
    try {
      const ids = await importCatalog(services.db, parsed.data, services.portalSettings().currency);
      console.log(`Imported ${parsed.data.categories.length} categories and ${ids.size} products.`);
    } finally {
      await services.close();
    }
    return 0;
  }
  console.error(`Unknown command: ${command}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
