// Mailgun sends the whole message only to a forward() URL that ends in "mime".
export { POST } from '../route';

export const dynamic = 'force-dynamic';
