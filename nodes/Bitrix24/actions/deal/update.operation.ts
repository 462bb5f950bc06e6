import { crmUpdate } from '../crm/update';
import { DEAL } from '../crm/entities';

export const { description, execute } = crmUpdate(DEAL);
