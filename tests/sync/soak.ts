import { runSoak, soakProblems } from './soak-run.js';

/** npm run soak [-- postings]: 100,000 postings through a centre injecting faults; exits 1 if the two ends disagree. */
const postings = Number(process.argv[2] ?? 100_000);
console.log(`soak: ${postings.toLocaleString('en')} postings against a centre injecting faults`);
const result = await runSoak({ postings, seed: 2026, log: console.log });
console.log(JSON.stringify(result, null, 2));
const problems = soakProblems(result);
if (problems.length > 0) {
  console.error(`soak: FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`soak: ok, ${result.centre.count.toLocaleString('en')} payments for ${result.centre.total} cents at both ends after ${result.seconds.toFixed(1)} s; ${result.parked} parked on purpose`);
