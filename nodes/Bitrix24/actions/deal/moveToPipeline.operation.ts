import { dealMoveToPipeline } from '../crm/moveToPipeline';

export const { description, execute } = dealMoveToPipeline();
