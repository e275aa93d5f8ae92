// Mocha's spec reporter, plus the run's own counts written as JSON to the file
// named by CVG_TEST_COUNTS, so CI prints totals without parsing human output.
const fs = require("fs");
const Mocha = require("mocha");

class CountingReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const file = process.env.CVG_TEST_COUNTS;
            if (file) {
                const { passes, failures, pending, tests } = runner.stats;
                fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
            }
        });
    }
}

module.exports = CountingReporter;
