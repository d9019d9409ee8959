import type { Page } from 'playwright-core';

/** Signs in through n8n's sign-in form, as a person does. */
export async function signIn(
	page: Page,
	url: string,
	login: { email: string; password: string },
): Promise<void> {
	await page.goto(`${url}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(login.email);
	await page.locator('input[name="password"]').fill(login.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((address) => !address.pathname.startsWith('/signin'));
}

/**
 * Deletes a workflow through n8n's REST API from inside the signed-in page (n8n ties the session to
 * the browser id the editor sends), archiving it first as n8n 2.x requires, so that a test run leaves
 * the demo editor as `npm start` made it.
 */
export async function deleteWorkflow(page: Page, id: string): Promise<void> {
	const failure = await page.evaluate(async (workflowId) => {
		// Runs in the page: the editor keeps its browser id in the page's localStorage.
		const storage = (
			globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
		).localStorage;
		const headers = {
			'Content-Type': 'application/json',
			'browser-id': storage.getItem('n8n-browserId') ?? '',
		};
		// n8n 2.40 saves a new workflow only once it is edited further: one never saved leaves nothing behind.
		const found = await fetch(`/rest/workflows/${workflowId}`, { headers });
		if (found.status === 404) return null;
		const archived = await fetch(`/rest/workflows/${workflowId}/archive`, {
			method: 'POST',
			headers,
			body: '{}',
		});
		if (!archived.ok) return `archiving answered ${archived.status}`;
		const deleted = await fetch(`/rest/workflows/${workflowId}`, { method: 'DELETE', headers });
		return deleted.ok ? null : `deleting answered ${deleted.status}`;
	}, id);
	if (failure) throw new Error(`workflow ${id}: ${failure}`);
}

/** Runs `fetch` calls of n8n's REST API inside the signed-in page (see deleteWorkflow). */
async function credentialIdsIn(page: Page): Promise<string[]> {
	return await page.evaluate(async () => {
		const storage = (
			globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
		).localStorage;
		const listed = await fetch('/rest/credentials', {
			headers: { 'browser-id': storage.getItem('n8n-browserId') ?? '' },
		});
		if (!listed.ok) throw new Error(`listing credentials answered ${listed.status}`);
		return ((await listed.json()) as { data: Array<{ id: string }> }).data.map(
			(credential) => credential.id,
		);
	});
}

/**
 * Remembers the credentials there are now; `removeNew()` deletes the ones added since, so that a test
 * run leaves the demo editor as `npm start` made it.
 */
export async function credentialsSnapshot(page: Page): Promise<{ removeNew(): Promise<void> }> {
	const before = new Set(await credentialIdsIn(page));
	return {
		async removeNew() {
			const added = (await credentialIdsIn(page)).filter((id) => !before.has(id));
			const failure = await page.evaluate(async (ids) => {
				const storage = (
					globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
				).localStorage;
				for (const id of ids) {
					const answer = await fetch(`/rest/credentials/${id}`, {
						method: 'DELETE',
						headers: { 'browser-id': storage.getItem('n8n-browserId') ?? '' },
					});
					if (!answer.ok) return `deleting credential ${id} answered ${answer.status}`;
				}
				return null;
			}, added);
			if (failure) throw new Error(failure);
		},
	};
}
