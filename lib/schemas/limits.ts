// Limits shown in forms, kept apart from the zod schemas so a form can show them without the validator.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
