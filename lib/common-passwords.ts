// Passwords of eight or more characters that lead every public breach frequency list; refused at signup.
const LIST = `
password 12345678 123456789 1234567890 password1 password123 qwertyuiop qwerty123 11111111 00000000
iloveyou 1q2w3e4r 1q2w3e4r5t qwerty12 abc12345 abcd1234 sunshine princess football baseball
welcome1 welcome123 letmein1 trustno1 starwars superman passw0rd p@ssw0rd p@ssword admin123
administrator 12341234 87654321 123123123 1qaz2wsx zaq12wsx qwertyui asdfghjk asdfasdf zxcvbnm1
computer internet michelle jennifer whatever dragon123 monkey123 shadow123 master123 football1
baseball1 iloveyou1 princess1 sunshine1 charlie1 password12 qazwsxedc 123qweasd q1w2e3r4 q1w2e3r4t5
changeme changeme1 secret123 letmein123 access14 mustang1 liverpool chelsea1 arsenal1 freedom1
whatever1 aaaaaaaa 123456789a a1234567 asdf1234 qwer1234 1234qwer 12345678a 88888888 66666666
99999999 55555555 22222222 12121212 11223344 987654321 147258369 159753159 pokemon1 basketball
soccer123 hello123 hellohello loveyou1 summer2024 winter2024 spring2024 autumn2024 groundwork
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/** True for a password that appears on the common-password list (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
