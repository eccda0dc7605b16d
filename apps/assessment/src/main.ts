import 'reflect-metadata';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadAssessmentConfig } from './config';
import { startAssessmentService } from './assessment-service';

async function main() {
  const logger = createLogger('assessment');
  const service = await startAssessmentService(loadAssessmentConfig());
  onShutdown(logger, [() => service.stop()]);
}

main().catch((error) => {
  process.stderr.write(`assessment service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
