import { LEAD } from '../crm/entities';
import { crmMoveToStage } from '../crm/moveToStage';

export const { description, execute } = crmMoveToStage({ ...LEAD, resource: 'lead' });
