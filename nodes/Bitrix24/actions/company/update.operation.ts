import { crmUpdate } from '../crm/update';
import { COMPANY } from '../crm/entities';

export const { description, execute } = crmUpdate(COMPANY);
