type User = { id: string };

export async function loadProfiles(users: User[], api: string, stream: AsyncIterable<User>): Promise<unknown[]> {
  const profiles = await Promise.all(
    users.map(async (user) => {
      const response = await fetch(`${api}/profiles/${user.id}`);
      return response.json();
    }),
  );
  for await (const user of stream) {
    await fetch(`${api}/seen/${user.id}`, { method: "POST" });
  }
  let cursor: string | null = "";
  while (cursor !== null) {
    const page = await fetch(`${api}/profiles?cursor=${cursor}`);
    cursor = page.headers.get("x-next-cursor");
  }
  return profiles;
}
