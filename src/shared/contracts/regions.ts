import { z } from 'zod';

export const region = z.object({ code: z.string(), name: z.string() });
export type Region = z.infer<typeof region>;

export const regionListQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2})?)?$/, { message: 'validation.region_code' })
    .optional()
    .describe('Parent code: none for provinces, a province code for regencies, and so on'),
});
export const regionListResponse = z.object({ items: z.array(region) });
