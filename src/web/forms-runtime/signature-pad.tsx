/**
 * A drawn signature (finger, stylus or mouse) kept as a small PNG data URL. The canvas is drawn at a
 * fixed 600×200 so the image stays well under the server's size limit whatever the screen.
 */
import { Box, Button, Group, Image, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 600;
const HEIGHT = 200;

export function SignaturePad({ value, onChange, readOnly, testId }: { value: string | null; onChange: (value: string | null) => void; readOnly?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const dirty = useRef(false);

  // Show a stored signature on the canvas (e.g. when a draft is reopened).
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    if (!value) {
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      return;
    }
    if (dirty.current) return;
    const img = new window.Image();
    img.onload = () => {
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      ctx.drawImage(img, 0, 0, WIDTH, HEIGHT);
    };
    img.src = value;
  }, [value]);

  if (readOnly) {
    return value ? (
      <Image src={value} alt={t('forms.types.signature')} maw={300} bg="white" radius="sm" style={{ border: '1px solid var(--mantine-color-gray-3)' }} />
    ) : (
      <Text size="sm" c="dimmed">
        {t('forms.runtime.notAnswered')}
      </Text>
    );
  }

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * WIDTH, y: ((e.clientY - rect.top) / rect.height) * HEIGHT };
  };

  return (
    <Box data-testid={testId}>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        aria-label={t('forms.runtime.signHere')}
        style={{
          width: '100%',
          maxWidth: 420,
          aspectRatio: `${WIDTH} / ${HEIGHT}`,
          border: '1px dashed var(--mantine-color-gray-5)',
          borderRadius: 6,
          background: 'white',
          touchAction: 'none',
          display: 'block',
        }}
        onPointerDown={(e) => {
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          dirty.current = true;
          const p = point(e);
          ctx.lineWidth = 3;
          ctx.lineCap = 'round';
          ctx.lineJoin = 'round';
          ctx.strokeStyle = '#1a1b1e';
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.lineTo(p.x, p.y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          {t('forms.runtime.signHere')}
        </Text>
        {value && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => {
              dirty.current = false;
              onChange(null);
            }}
          >
            {t('forms.runtime.clearSignature')}
          </Button>
        )}
      </Group>
    </Box>
  );
}
