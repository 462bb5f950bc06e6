import { crmGetMany } from '../crm/getMany';
import { DEAL } from '../crm/entities';

export const { description, execute } = crmGetMany(DEAL);
