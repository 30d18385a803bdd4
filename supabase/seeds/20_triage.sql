-- Triage demo (issue 9): enough complaints and suggestions for the inbox to look like a working week.
-- Local demo only, applied after seed.sql. Dates are relative to now(); fixed UUIDs f3… for the items.
-- Items are inserted with their current status (inserts are not transitions); their replies and notes go
-- through feedback_messages, so the timeline and the deadline clocks are built by the triggers as usual.

insert into public.feedback_items (id, kind, status, priority, category, subject, description, contact_email, client_id, assignee_id,
	resolution_text, rejection_reason, created_at, resolved_at)
select
	format('f3000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid,
	kind::public.feedback_kind, status::public.feedback_status, priority::public.feedback_priority, category, subject, description,
	case when n % 3 = 0 then 'contacto' || n || '@cliente.example' end,
	format('c0000000-0000-4000-8000-%s', lpad(client_n::text, 12, '0'))::uuid,
	case assignee when 'agent' then 'a0000000-0000-4000-8000-000000000004'::uuid
		when 'quality' then 'a0000000-0000-4000-8000-000000000003'::uuid
		when 'account' then 'a0000000-0000-4000-8000-000000000005'::uuid
		when 'account2' then 'a0000000-0000-4000-8000-000000000006'::uuid end,
	case when status in ('resolved', 'closed') then 'Se corrigió el origen del problema y se confirmó con el cliente.' end,
	case when status = 'rejected' then 'La incidencia corresponde a un servicio que el contrato no incluye.' end,
	now() - make_interval(hours => hours_ago),
	case when status in ('resolved', 'closed') then now() - make_interval(hours => greatest(hours_ago - 20, 1)) end
from (values
	(1, 'complaint', 'new', 'urgent', 'delivery', 'Camión refrigerado llegó a 9 °C', 'La entrega de esta mañana llegó con la cámara a 9 grados; hemos tenido que apartar todo el lote de conservas.', 2, null, 2),
	(2, 'complaint', 'new', 'high', 'billing', 'Cargo duplicado en la factura de diciembre', 'En la factura de diciembre aparece dos veces el mantenimiento mensual del servidor.', 12, null, 5),
	(3, 'complaint', 'new', 'normal', 'service', 'El técnico no se presentó a la cita', 'Teníamos cita el lunes entre las 9 y las 11 para revisar la caldera y nadie vino ni avisó.', 6, null, 20),
	(4, 'suggestion', 'new', 'low', 'communication', 'Aviso por correo cuando salga el pedido', 'Nos vendría bien un correo con el número de seguimiento en cuanto el pedido salga del almacén.', 8, null, 30),
	(5, 'complaint', 'triaged', 'high', 'product', 'Piezas con rebabas en el último lote', 'Las piezas del lote 2611 tienen rebabas en el borde y no encajan en la cadena de montaje.', 8, 'agent', 28),
	(6, 'complaint', 'in_progress', 'urgent', 'service', 'Caída del ERP en plena campaña', 'Desde las 10:00 el ERP no deja facturar; tenemos a todo el equipo comercial parado.', 12, 'agent', 6),
	(7, 'complaint', 'in_progress', 'normal', 'delivery', 'Palés sin film en la entrega del almacén', 'Los tres palés llegaron sin film y dos cajas se abrieron durante la descarga.', 1, 'account', 50),
	(8, 'complaint', 'waiting_client', 'normal', 'billing', 'Factura con el CIF antiguo', 'Las facturas siguen saliendo con el CIF anterior a la fusión; necesitamos que se rehagan.', 9, 'agent', 70),
	(9, 'suggestion', 'triaged', 'low', 'service', 'Horario de recogida los sábados', 'Propongo abrir el punto de recogida los sábados por la mañana para los talleres pequeños.', 8, 'account2', 100),
	(10, 'complaint', 'resolved', 'normal', 'communication', 'Nadie contesta al correo de soporte', 'Llevamos una semana escribiendo al correo de soporte sin obtener respuesta.', 4, 'quality', 140),
	(11, 'complaint', 'resolved', 'high', 'product', 'Etiquetas sin el lote impreso', 'Las latas de la última partida salieron sin el número de lote en la etiqueta.', 2, 'agent', 120),
	(12, 'complaint', 'closed', 'normal', 'delivery', 'Entrega en la dirección antigua', 'El pedido se entregó en nuestra nave antigua a pesar de haber cambiado la dirección.', 3, 'agent', 400),
	(13, 'complaint', 'rejected', 'low', 'billing', 'Cobro de desplazamiento', 'Nos han cobrado el desplazamiento del técnico, que creíamos incluido.', 7, 'agent', 300),
	(14, 'suggestion', 'new', 'normal', 'product', 'Catálogo con fotos de cada referencia', 'Estaría bien que el catálogo en línea tuviera fotografía de cada referencia de recambio.', 8, null, 3),
	(15, 'complaint', 'new', 'normal', 'service', 'Ruido de la climatización en la planta 3', 'Los huéspedes de la planta 3 se quejan del ruido de la máquina de climatización por la noche.', 6, null, 12),
	(16, 'complaint', 'triaged', 'urgent', 'service', 'Aerogenerador 5 sin monitorizar', 'La plataforma de monitorización no recibe datos del aerogenerador 5 desde ayer.', 7, 'agent', 9),
	(17, 'complaint', 'in_progress', 'high', 'communication', 'Informe mensual sin enviar', 'No hemos recibido el informe mensual de incidencias de noviembre.', 1, 'account', 60),
	(18, 'suggestion', 'new', 'normal', 'communication', 'Recordatorio de la cita por SMS', 'A los pacientes les ayudaría recibir un SMS el día antes de la cita.', 4, null, 26),
	(19, 'complaint', 'waiting_client', 'high', 'product', 'Pizarras digitales que no encienden', 'Dos de las pizarras instaladas en el colegio no encienden desde la semana pasada.', 5, 'account', 90),
	(20, 'complaint', 'new', 'high', 'delivery', 'Retraso de tres días en el pedido urgente', 'El pedido urgente de tintes tenía que llegar el martes y sigue sin fecha de entrega.', 11, null, 1),
	(21, 'complaint', 'in_progress', 'normal', 'billing', 'Abono pendiente desde octubre', 'Seguimos esperando el abono de la devolución que hicimos en octubre.', 10, 'agent', 160),
	(22, 'suggestion', 'triaged', 'normal', 'service', 'Atención por mensajería instantánea', 'Muchos vecinos preguntan si se puede consultar el estado de una solicitud por mensajería instantánea.', 10, 'account2', 200),
	(23, 'complaint', 'new', 'low', 'other', 'Acceso al portal de proveedores', 'No conseguimos entrar en el portal de proveedores con las credenciales nuevas.', 9, null, 40),
	(24, 'complaint', 'resolved', 'urgent', 'service', 'Parada de la línea de envasado', 'La línea 2 de envasado se paró por un fallo del sensor que instalaron ustedes.', 2, 'agent', 30),
	(25, 'complaint', 'new', 'normal', 'delivery', 'Faltan dos cajas en el pedido de recambios', 'En el pedido de recambios de ayer faltan dos cajas de pastillas de freno.', 8, null, 7)
) as demo (n, kind, status, priority, category, subject, description, client_n, assignee, hours_ago);

-- Replies and notes: the first public reply stops the first-response clock, notes never do.
insert into public.feedback_messages (feedback_item_id, body, is_public, author_id, created_at)
select format('f3000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid, body, is_public, author::uuid, now() - make_interval(hours => hours_ago)
from (values
	(5, 'Hemos recibido su queja. Un técnico de calidad revisará el lote 2611 mañana a primera hora.', true, 'a0000000-0000-4000-8000-000000000004', 24),
	(5, 'Pedir al proveedor de moldes el informe de la última calibración.', false, 'a0000000-0000-4000-8000-000000000003', 23),
	(6, 'Estamos trabajando en ello con prioridad máxima. Le llamaremos en cuanto el servicio vuelva.', true, 'a0000000-0000-4000-8000-000000000004', 5),
	(6, 'El fallo viene de la actualización del certificado del servidor de base de datos.', false, 'a0000000-0000-4000-8000-000000000004', 4),
	(7, 'Sentimos lo ocurrido. ¿Podría enviarnos fotos de las cajas dañadas para tramitar la reposición?', true, 'a0000000-0000-4000-8000-000000000005', 40),
	(8, 'Necesitamos el certificado del nuevo CIF para rehacer las facturas. ¿Nos lo puede enviar?', true, 'a0000000-0000-4000-8000-000000000004', 60),
	(10, 'Disculpe la demora: el buzón de soporte tenía un filtro mal configurado. Ya está corregido.', true, 'a0000000-0000-4000-8000-000000000003', 130),
	(11, 'Hemos reimpreso las etiquetas y las repondremos en sus instalaciones el jueves.', true, 'a0000000-0000-4000-8000-000000000004', 110),
	(16, 'Revisar el módem del aerogenerador 5; el último dato llegó a las 17:42.', false, 'a0000000-0000-4000-8000-000000000004', 8),
	(17, 'El informe de noviembre se envía hoy; disculpe el retraso.', true, 'a0000000-0000-4000-8000-000000000005', 50),
	(19, '¿Nos confirma en qué aulas están las dos pizarras? Así el técnico lleva las piezas adecuadas.', true, 'a0000000-0000-4000-8000-000000000005', 80),
	(21, 'Contabilidad confirma que el abono sale esta semana.', false, 'a0000000-0000-4000-8000-000000000004', 100),
	(24, 'Sustituimos el sensor y la línea funciona desde las 14:00. Quedamos atentos a cualquier incidencia.', true, 'a0000000-0000-4000-8000-000000000004', 25)
) as demo (n, body, is_public, author, hours_ago);

-- The seeded items of seed.sql get an owner and a priority, as a team would have set them.
update public.feedback_items set priority = 'high', assignee_id = 'a0000000-0000-4000-8000-000000000004'
where id = 'f2000000-0000-4000-8000-000000000003';
update public.feedback_items set priority = 'urgent' where id = 'f2000000-0000-4000-8000-000000000002';

-- One working-hours office closure besides the national holidays, so the holiday list is not empty of local days.
insert into public.business_holidays (holiday_date, name)
values ((date_trunc('year', now()) + interval '11 months 23 days')::date, 'Nochebuena (cierre de oficina)')
on conflict (holiday_date) do nothing;
