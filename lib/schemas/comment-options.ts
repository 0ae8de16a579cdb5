// Comment limits and kinds without the validator, for forms that show them before it loads.
export const COMMENT_ENTITIES = ['effort', 'contact', 'opportunity', 'dashboard'] as const;
export type CommentEntity = (typeof COMMENT_ENTITIES)[number];
export const COMMENT_MAX = 2000;
