type User = { id: string };

export async function loadProfiles(users: User[], api: string): Promise<unknown[]> {
  const profiles: unknown[] = [];
  for (const user of users) {
    // expect: js-await-in-loop
    const response = await fetch(`${api}/profiles/${user.id}`);
    // expect: js-await-in-loop
    profiles.push(await response.json());
  }
  return profiles;
}
