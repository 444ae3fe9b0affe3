import { Box, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Brand } from '../components/brand.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { FullPageLoader } from './guards.js';

/** Frame of the pages seen before login (setup, login): the name, a language switch, one card. */
export function PublicLayout() {
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Container size="sm" py="md" px="sm">
        <Group justify="space-between" mb="lg" wrap="nowrap">
          <Brand withTagline />
          <LanguageSwitch />
        </Group>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
