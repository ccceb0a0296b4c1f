import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { createServices } from './services.ts';
import { createPerson } from './session/people.ts';

const USAGE = `Usage: npm run portico -- <command> [options]

Commands:
  create-staff --email <email> --name <name> --role <agent|admin> [--password <password>]
      Creates a staff user who signs in at /staff. Without --password one is generated and printed.
  migrate
      Brings the database up to date and exits.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
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
