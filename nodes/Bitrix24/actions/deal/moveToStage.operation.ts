import { DEAL } from '../crm/entities';
import { crmMoveToStage } from '../crm/moveToStage';

export const { description, execute } = crmMoveToStage({ ...DEAL, resource: 'deal' });
