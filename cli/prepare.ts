// `npm start` / `npm run dev` run this first: database folder, migrations, auth secret, demo seed on an empty desk.
import { prepareDatabase } from "./prepare-database";

prepareDatabase()
  .then((r) => {
    console.log(`Database ready: ${r.file}`);
    if (r.seeded)
      console.log(`Seeded the demo desk: ${r.seeded.questions} questions, ${r.seeded.forecasts} forecasts, ${r.seeded.users} users.`);
  })
  .catch((error: unknown) => {
    console.error(`Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
