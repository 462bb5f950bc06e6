import { crmGetMany } from '../crm/getMany';
import { COMPANY } from '../crm/entities';

export const { description, execute } = crmGetMany(COMPANY);
