import { z } from 'zod';
import { EVERY_ROLE, MANAGES_SETTINGS } from '../../auth/roles.js';
import { counterSettingsSchema } from '../../settings/settings.js';
import { defineCall } from '../define.js';

export const settingsCalls = {
  'settings-get': defineCall({ input: z.object({}), output: counterSettingsSchema, access: EVERY_ROLE }),
  'printer-set': defineCall({ input: counterSettingsSchema.shape.printer, output: counterSettingsSchema, access: MANAGES_SETTINGS }),
};
