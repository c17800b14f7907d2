// The fault suite in `npm test`: every hostile input and fault of every category, each a test that passes when the
// built server or command line survived it with nothing lost. `npm run faults` runs the same cases as a report.
import { test } from 'node:test';
import { FAULT_CATEGORIES } from './categories';

for (const category of FAULT_CATEGORIES) {
	void test(category.name, async (t) => {
		await category.run((name, attempt) => t.test(name, { timeout: 300_000 }, attempt).then(() => undefined));
	});
}
