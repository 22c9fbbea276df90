/**
 * A vitest reporter that prints where the time goes, to choose the global
 * timeouts in vitest.config.ts from measurements rather than guesses:
 * the slowest tests, the slowest hooks (a suite's time outside its tests:
 * its beforeAll/afterAll), and the slowest imports (a test file's collect
 * time: importing it and running its describe callbacks).
 *
 *   npx vitest run --reporter=default --reporter=./scripts/timing-reporter.ts
 *
 * Measures only; it asserts nothing.
 */
import type { Reporter, TestModule, TestSuite } from "vitest/node";
import { experimental_getRunnerTask } from "vitest/node";

const TOP = Number(process.env.TIMING_TOP ?? 8);

interface Row {
  readonly ms: number;
  readonly what: string;
}

const top = (title: string, rows: Row[]): string =>
  [
    `${title}:`,
    ...rows
      .sort((a, b) => b.ms - a.ms)
      .slice(0, TOP)
      .map(({ ms, what }) => `  ${(ms / 1000).toFixed(2).padStart(7)} s  ${what}`),
  ].join("\n");

export default class TimingReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const tests: Row[] = [];
    const hooks: Row[] = [];
    const imports: Row[] = [];
    const hookTime = (entity: TestModule | TestSuite, what: string): void => {
      const task =
        entity.type === "module"
          ? experimental_getRunnerTask(entity)
          : experimental_getRunnerTask(entity);
      const total = task.result?.duration ?? 0;
      const inside = task.tasks.reduce((sum, child) => sum + (child.result?.duration ?? 0), 0);
      if (total - inside > 0) hooks.push({ ms: total - inside, what });
    };
    for (const module of testModules) {
      const file = module.moduleId.replace(`${process.cwd()}/`, "");
      imports.push({ ms: module.diagnostic().collectDuration, what: file });
      hookTime(module, `${file} (file-level hooks)`);
      for (const suite of module.children.allSuites())
        hookTime(suite, `${file} > ${suite.fullName}`);
      for (const test of module.children.allTests()) {
        tests.push({ ms: test.diagnostic()?.duration ?? 0, what: `${file} > ${test.fullName}` });
      }
    }
    console.log(
      [
        "",
        top("slowest tests", tests),
        top("slowest hooks (suite time outside its tests)", hooks),
        top("slowest imports (collect)", imports),
        "",
      ].join("\n"),
    );
  }
}
