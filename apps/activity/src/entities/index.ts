import { ActivityRecord } from './activity.entity';
import { AttendanceRecord } from './attendance.entity';
import { NominationRecord } from './nomination.entity';

export { ActivityRecord, AttendanceRecord, NominationRecord };
export const activityEntities = [ActivityRecord, AttendanceRecord, NominationRecord];
