import 'reflect-metadata';
import { telemetry } from './telemetry';
import { createLogger } from '@partybuild/logging';
import { onShutdown } from '@partybuild/service';
import { loadAssessmentConfig } from './config';
import { startAssessmentService } from './assessment-service';

async function main() {
  const logger = createLogger('assessment');
  const service = await startAssessmentService(loadAssessmentConfig());
  logger.info(telemetry.description);
  onShutdown(logger, [() => service.stop(), () => telemetry.shutdown()]);
}

main().catch((error) => {
  process.stderr.write(`assessment service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
